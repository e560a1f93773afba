namespace KyodoHub.Web.Localization;

/// <summary>Marker type for the app's UI strings: SharedResource.resx (Japanese) and SharedResource.en.resx.</summary>
public sealed class SharedResource
{
    private SharedResource() { }
}
