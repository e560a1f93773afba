using KyodoHub.Core.Groups;
using KyodoHub.Web.Features.Forms;

namespace KyodoHub.Web.Features.Desk;

/// <summary>A group as typed at the desk when it is new to the centre.</summary>
public sealed class GroupFormModel
{
    public string Name { get; set; } = "";
    public GroupKind Kind { get; set; } = GroupKind.NeighbourhoodAssociation;
    public int AreaId { get; set; }
    public string ContactName { get; set; } = "";
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    public bool Validate(FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("Group.Name", "Required", "GroupName");
        if (AreaId <= 0) errors.Add("Group.AreaId", "Required", "AreaId");
        if (string.IsNullOrWhiteSpace(ContactName)) errors.Add("Group.ContactName", "Required", "ContactName");
        if (string.IsNullOrWhiteSpace(ContactPhone) && string.IsNullOrWhiteSpace(ContactEmail)) errors.Add("Group.ContactPhone", "ContactRequired", "ContactPhone");
        return !errors.Any;
    }
}
