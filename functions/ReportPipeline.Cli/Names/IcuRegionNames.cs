using System.Runtime.InteropServices;

namespace ReportPipeline.Cli.Names;

/// <summary>
/// CLDR's territory names through the ICU library .NET itself uses for globalization on Linux (<c>libicuuc.so.N</c>,
/// symbols suffixed <c>_N</c>, found the way .NET finds them), so the names match what <c>CultureInfo</c> reads.
/// </summary>
internal sealed class IcuRegionNames
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetDisplayCountry([MarshalAs(UnmanagedType.LPUTF8Str)] string locale, [MarshalAs(UnmanagedType.LPUTF8Str)] string displayLocale,
        [Out] ushort[] country, int capacity, ref int status);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GetIsoCountries();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GetIso3Country([MarshalAs(UnmanagedType.LPUTF8Str)] string locale);

    private readonly GetDisplayCountry _displayCountry;

    private IcuRegionNames(IntPtr library, int version)
    {
        Version = version;
        T Export<T>(string name) => Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, $"{name}_{version}"));
        _displayCountry = Export<GetDisplayCountry>("uloc_getDisplayCountry");
        var iso3 = Export<GetIso3Country>("uloc_getISO3Country");
        var alpha2ByAlpha3 = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var list = Export<GetIsoCountries>("uloc_getISOCountries")(); Marshal.ReadIntPtr(list) is var entry && entry != IntPtr.Zero; list += IntPtr.Size)
        {
            var alpha2 = Marshal.PtrToStringUTF8(entry)!;
            if (Marshal.PtrToStringUTF8(iso3($"und_{alpha2}")) is { Length: 3 } alpha3)
            {
                alpha2ByAlpha3.TryAdd(alpha3, alpha2);
            }
        }

        Alpha2ByAlpha3 = alpha2ByAlpha3;
    }

    /// <summary>The ICU major version loaded (its CLDR release follows from it).</summary>
    public int Version { get; }

    /// <summary>ISO 3166-1 alpha-2 codes by alpha-3 code, as ICU knows them.</summary>
    public IReadOnlyDictionary<string, string> Alpha2ByAlpha3 { get; }

    /// <summary>Loads the newest <c>libicuuc</c> on the machine, as .NET's System.Globalization.Native does.</summary>
    public static IcuRegionNames Load()
    {
        for (var version = 90; version >= 50; version--)
        {
            if (NativeLibrary.TryLoad($"libicuuc.so.{version}", out var library))
            {
                return new IcuRegionNames(library, version);
            }
        }

        throw new InvalidOperationException("No ICU library (libicuuc.so.50 to .90) was found; install libicu.");
    }

    /// <summary>The name of a territory (an ISO alpha-2 code, or an M49 area code such as <c>011</c>) in <paramref name="language"/>.</summary>
    public string DisplayName(string territory, string language)
    {
        var buffer = new ushort[256];
        var status = 0;
        var length = _displayCountry($"und_{territory}", language, buffer, buffer.Length, ref status);
        // ICU answers an unknown territory with its code and a warning; neither is a name.
        if (status != 0 || length <= 0 || length > buffer.Length)
        {
            throw new InvalidOperationException($"ICU has no name for territory {territory} in {language} (status {status}).");
        }

        return new string([.. buffer.Take(length).Select(c => (char)c)]);
    }
}
