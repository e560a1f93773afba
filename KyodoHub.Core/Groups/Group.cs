using KyodoHub.Core.Common;

namespace KyodoHub.Core.Groups;

/// <summary>Kinds of requesting organisation named in the guideline.</summary>
public enum GroupKind
{
    NeighbourhoodAssociation = 1, // 自治会
    Npo = 2,                      // NPO (任意団体)
    NpoCorporation = 3,           // NPO法人
    PublicInterestCorporation = 4, // 公益法人
    Company = 5,                  // 企業
    University = 6,               // 大学
    School = 7,                   // 学校
    CityDepartment = 8,           // 市の部署
    CitizenGroup = 9,             // 市民グループ
}

/// <summary>A requesting organisation and its contact person.</summary>
public sealed class Group : AggregateRoot
{
    private Group() { }

    public Group(string name, GroupKind kind, int areaId, string contactName, string? contactEmail, string? contactPhone, DateTimeOffset createdAt)
    {
        Update(name, kind, areaId, contactName, contactEmail, contactPhone);
        CreatedAt = createdAt.ToUniversalTime();
    }

    public string Name { get; private set; } = "";
    public GroupKind Kind { get; private set; }
    public int AreaId { get; private set; }
    public string ContactName { get; private set; } = "";
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }

    /// <summary>The Identity user of the group's contact person, once they have an account.</summary>
    public string? ContactUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void Update(string name, GroupKind kind, int areaId, string contactName, string? contactEmail, string? contactPhone)
    {
        var validName = Guard.Required(name, nameof(Name), 100);
        var validKind = Guard.Defined(kind, nameof(Kind));
        var validArea = Guard.PositiveId(areaId, nameof(AreaId));
        var validContact = Guard.Required(contactName, nameof(ContactName), 60);
        var validEmail = Guard.Email(contactEmail, nameof(ContactEmail));
        var validPhone = Guard.Phone(contactPhone, nameof(ContactPhone));
        if (validEmail is null && validPhone is null)
        {
            throw new DomainValidationException(nameof(ContactPhone), "ContactRequired", "A phone number or an e-mail address is required.");
        }
        (Name, Kind, AreaId, ContactName, ContactEmail, ContactPhone) = (validName, validKind, validArea, validContact, validEmail, validPhone);
    }

    public void LinkContactUser(string userId) => ContactUserId = Guard.Required(userId, nameof(ContactUserId), 450);
}
