using KyodoHub.Web.Identity;

namespace KyodoHub.Web.Features.Evaluations;

/// <summary>Who may open the evaluation pages: the parties who evaluate and the coordinators who follow them.</summary>
public static class EvaluationRoles
{
    public const string Readers = Roles.Coordinator + "," + Roles.GroupContact + "," + Roles.Registrant;
    public const string Authors = Roles.GroupContact + "," + Roles.Registrant;
}
