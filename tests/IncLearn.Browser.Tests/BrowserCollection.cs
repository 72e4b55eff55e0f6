namespace IncLearn.Browser.Tests;

/// <summary>One Jupyter server and one browser for every browser test; the tests run one after another.</summary>
[CollectionDefinition("jupyter in chromium")]
public sealed class BrowserCollection : ICollectionFixture<JupyterFixture>;
