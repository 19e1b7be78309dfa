using Platform.Abstractions.Modules;

[assembly: Module(
    "Platform.Resources",
    Name = "お宝（地域資源）",
    Description = "会議で見つかった地域のお宝を登録し、確認して、冊子・CSV・ケアマネジャー向けの公開ページで伝える。",
    Category = "地域資源",
    Version = "0.1.0",
    Scope = ModuleScope.District,
    Startup = typeof(Platform.Resources.Startup)
)]
