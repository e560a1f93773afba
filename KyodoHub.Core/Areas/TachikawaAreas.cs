namespace KyodoHub.Core.Areas;

/// <summary>
/// Tachikawa's sixteen towns with approximate centroids. Another city loads its own list instead.
/// </summary>
public static class TachikawaAreas
{
    public static IReadOnlyList<Area> All { get; } =
    [
        new(1, "曙町", "あけぼのちょう", "Akebono-cho", 35.7010, 139.4180),
        new(2, "泉町", "いずみちょう", "Izumi-cho", 35.7120, 139.4040),
        new(3, "一番町", "いちばんちょう", "Ichiban-cho", 35.7270, 139.3800),
        new(4, "上砂町", "かみすなちょう", "Kamisuna-cho", 35.7240, 139.3930),
        new(5, "幸町", "さいわいちょう", "Saiwai-cho", 35.7180, 139.4260),
        new(6, "栄町", "さかえちょう", "Sakae-cho", 35.7110, 139.4270),
        new(7, "柴崎町", "しばさきちょう", "Shibasaki-cho", 35.6920, 139.4080),
        new(8, "砂川町", "すながわちょう", "Sunagawa-cho", 35.7170, 139.4000),
        new(9, "高松町", "たかまつちょう", "Takamatsu-cho", 35.7070, 139.4130),
        new(10, "錦町", "にしきちょう", "Nishiki-cho", 35.6930, 139.4200),
        new(11, "西砂町", "にしすなちょう", "Nishisuna-cho", 35.7220, 139.3640),
        new(12, "羽衣町", "はごろもちょう", "Hagoromo-cho", 35.6880, 139.4250),
        new(13, "富士見町", "ふじみちょう", "Fujimi-cho", 35.6950, 139.3950),
        new(14, "緑町", "みどりちょう", "Midori-cho", 35.7050, 139.4060),
        new(15, "柏町", "かしわちょう", "Kashiwa-cho", 35.7200, 139.4150),
        new(16, "若葉町", "わかばちょう", "Wakaba-cho", 35.7250, 139.4310),
    ];
}
