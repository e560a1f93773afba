using System.Globalization;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>Runs code as a thread of the given culture (as a request or a circuit in that language), then restores the thread's own.</summary>
public static class TestCulture
{
    public static T In<T>(string name, Func<T> action)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    public static void In(string name, Action action) => In(name, () =>
    {
        action();
        return 0;
    });
}
