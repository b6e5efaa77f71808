using ChatBrief.Core.Sources.Cleaning;

namespace ChatBrief.Core.Tests.Sources;

public class BoilerplateFilterTests
{
    [Theory]
    [InlineData("PacNet commentaries and responses represent the views of the respective authors. Alternative viewpoints are always welcomed and encouraged. Click here to request a PacNet subscription.")]
    [InlineData("© 2019 Example News. All rights reserved.")]
    [InlineData("The opinions expressed are solely the author's and do not necessarily reflect those of the Forum.")]
    [InlineData("Sign up for our newsletter to get the latest analysis.")]
    public void IsBoilerplate_PublishersNotice_IsRecognised(string paragraph)
    {
        Assert.True(BoilerplateFilter.IsBoilerplate(paragraph));
    }

    [Theory]
    [InlineData("Netflix raised the price of its basic subscription in April, the second rise in two years.")]
    [InlineData("Pompeo said the views of both governments were aligned. Click here is not what he said. The treaty applies. Iwaya agreed. Kono spoke last.")]
    [InlineData("Secretary of State Mike Pompeo said that a cyberattack could constitute an armed attack.")]
    public void IsBoilerplate_Prose_IsKept(string paragraph)
    {
        Assert.False(BoilerplateFilter.IsBoilerplate(paragraph));
    }
}
