namespace KyodoHub.Web.Features.Imports;

/// <summary>
/// The columns of the registrant and group files. Export writes the Japanese headers; import
/// accepts them or the English ones, in any order.
/// </summary>
public static class ImportColumns
{
    public static readonly ImportColumn Name = new("Name", "氏名", true, "name", "名前");
    public static readonly ImportColumn Furigana = new("Furigana", "フリガナ", true, "furigana", "ふりがな");
    public static readonly ImportColumn Email = new("Email", "メールアドレス", false, "email", "e-mail", "メール");
    public static readonly ImportColumn Phone = new("Phone", "電話番号", false, "phone", "電話");
    public static readonly ImportColumn Area = new("Area", "地域", true, "area", "town", "住所地域");
    public static readonly ImportColumn Programs = new("Programs", "制度", true, "programs", "programme", "program");
    public static readonly ImportColumn MonthlyCap = new("MonthlyCap", "月の活動上限", false, "monthly cap", "上限");
    public static readonly ImportColumn Skills = new("Skills", "スキル", false, "skills", "技能", "得意分野");
    public static readonly ImportColumn Availability = new("Availability", "空き時間", false, "availability", "weekly availability");
    public static readonly ImportColumn Languages = new("Languages", "言語", false, "languages");
    public static readonly ImportColumn Status = new("Status", "状態", false, "status");
    public static readonly ImportColumn ConsentDate = new("ConsentDate", "同意日", false, "consent date", "consent");

    public static readonly ImportColumn GroupName = new("GroupName", "団体名", true, "group", "group name", "name");
    public static readonly ImportColumn GroupKind = new("GroupKind", "種別", true, "kind", "type");
    public static readonly ImportColumn ContactName = new("ContactName", "担当者", true, "contact", "contact name");

    public static IReadOnlyList<ImportColumn> Registrants { get; } = [Name, Furigana, Email, Phone, Area, Programs, MonthlyCap, Skills, Availability, Languages, Status, ConsentDate];

    public static IReadOnlyList<ImportColumn> Groups { get; } = [GroupName, GroupKind, Area, ContactName, Email, Phone];

    public static IReadOnlyList<ImportColumn> Of(ImportKind kind) => kind == ImportKind.Registrants ? Registrants : Groups;
}
