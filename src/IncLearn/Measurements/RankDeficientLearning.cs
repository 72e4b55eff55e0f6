namespace IncLearn;

/// <summary>What a rank-deficient initialization (Remark III-C2) learns, measured on the closed form.</summary>
/// <param name="Rank">r, the width of Ū₀.</param>
/// <param name="LearnableRank">min(r, K).</param>
/// <param name="Times">The time grid.</param>
/// <param name="Components">Components[i][j] = (ΦᵀW(t_j)Φ)_ii, the part of W along Y's eigenvector φ_i (i = 0..K−1).</param>
/// <param name="HalfwayTimes">First time component i reaches σ_i/2 (+∞ if not on the grid).</param>
/// <param name="LearningOrder">0-based modes sorted by halfway time (modes never reaching σ_i/2 omitted).</param>
/// <param name="ErrorToBestRank">‖W(t_j) − Ŷ_{min(r,K)}‖₂.</param>
/// <param name="LimitErrorToBestRank">‖W(∞) − Ŷ_{min(r,K)}‖₂.</param>
/// <param name="LimitComponents">(ΦᵀW(∞)Φ)_ii, i = 0..K−1.</param>
public sealed record RankDeficientLearning(int Rank, int LearnableRank, double[] Times, double[][] Components, double[] HalfwayTimes,
    int[] LearningOrder, double[] ErrorToBestRank, double LimitErrorToBestRank, double[] LimitComponents);
