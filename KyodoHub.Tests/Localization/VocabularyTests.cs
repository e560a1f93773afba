using System.Collections;
using System.Globalization;
using System.Resources;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KyodoHub.Tests.Localization;

/// <summary>The UI speaks the glossary's words (shared GLOSSARY.md): one word for one thing.</summary>
public sealed class VocabularyTests
{
    // The glossary's "not" column, with the word to use instead.
    private static readonly (string Forbidden, string Use)[] JapaneseVariants =
    [
        ("申出", "申し出"),
        ("承諾", "引き受け"),
        ("技能", "スキル"),
        ("得意分野", "スキル"),
        ("調整担当", "コーディネーター"),
        ("キャンセル", "中止"),
        ("問い合わせ番号", "受付番号"),
        ("オファー", "打診"),
        ("撤回", "取り下げ"),
        ("受付係", "窓口相談員"),
        ("契約書", "協定書"),
        ("人材", "登録者"),
        ("エントリー", "応募"),
        (", ", "、"),
        (": ", "："),
    ];

    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var (forbidden, use) in JapaneseVariants)
        {
            data.Add(forbidden, use);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void NoJapaneseUiStringUsesAWordTheGlossaryReplaces(string forbidden, string use)
    {
        var offending = JapaneseStrings().Where(s => s.Value.Contains(forbidden, StringComparison.Ordinal)).Select(s => s.Key).Order().ToList();

        Assert.True(offending.Count == 0, $"Use 「{use}」, not 「{forbidden}」, in: {string.Join(' ', offending)}");
    }

    [Theory]
    [InlineData("ja-JP", "将棋・囲碁、書道、傾聴")]
    [InlineData("en", "将棋・囲碁, 書道, 傾聴")]
    public void AListIsJoinedAsThePagesLanguageWritesLists(string culture, string expected)
    {
        Assert.Equal(expected, TestCulture.In(culture, () => DisplayFormats.List(["将棋・囲碁", "書道", "傾聴"])));
    }

    [Theory]
    [InlineData("en", 1, "You have 1 offer waiting for your answer.")]
    [InlineData("en", 2, "You have 2 offers waiting for your answer.")]
    [InlineData("ja-JP", 1, "回答待ちの打診が1件あります。")]
    [InlineData("ja-JP", 2, "回答待ちの打診が2件あります。")]
    public void ACountReadsAsTheLanguageCountsOneThingOrMore(string culture, int count, string expected)
    {
        var localizer = Localizer();
        Assert.Equal(expected, TestCulture.In(culture, () => localizer.Count("PendingOffersCount", count)));
    }

    [Theory]
    [InlineData("ja-JP", "決定／定員：")]
    [InlineData("en", "Filled / seats: ")]
    public void ALabelIsPunctuatedAsThePagesLanguageWritesIt(string culture, string expected)
    {
        var localizer = Localizer();
        Assert.Equal(expected, TestCulture.In(culture, () => localizer.Label("Seats")));
    }

    [Fact]
    public void NoEnglishUiStringCountsWithAParenthesisedPlural()
    {
        var resources = new ResourceManager(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);
        var set = resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)!;
        var offending = set.Cast<DictionaryEntry>().Where(e => e.Value is string v && v.Contains("(s)", StringComparison.Ordinal) || e.Value is string w && w.Contains("(ies)", StringComparison.Ordinal))
            .Select(e => (string)e.Key).Order().ToList();

        Assert.True(offending.Count == 0, $"Write a _one text instead of (s) in: {string.Join(' ', offending)}");
    }

    // The neutral resources are the Japanese ones (SharedResource.resx).
    private static IEnumerable<(string Key, string Value)> JapaneseStrings()
    {
        var resources = new ResourceManager(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<DictionaryEntry>().Select(e => ((string)e.Key, e.Value as string ?? ""));
    }

    private static IStringLocalizer Localizer() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));
}
