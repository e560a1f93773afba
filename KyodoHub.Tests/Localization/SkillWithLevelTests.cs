using System.Globalization;
using KyodoHub.Web.Localization;

namespace KyodoHub.Tests.Localization;

/// <summary>A skill and its level read as each language writes brackets.</summary>
public class SkillWithLevelTests
{
    [Theory]
    [InlineData("ja-JP", "書道", "初級", "書道（初級）")]
    [InlineData("en-GB", "Calligraphy", "Beginner", "Calligraphy (Beginner)")]
    public void JapaneseUsesFullWidthBracketsAndEnglishAsciiOnes(string culture, string skill, string level, string expected)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, DisplayFormats.SkillWithLevel(skill, level));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
