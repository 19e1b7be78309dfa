using Platform.Abstractions.Modules;

[assembly: Module(
    "Platform.Core",
    Name = "基本機能",
    Description = "テナント・地区・協議体・会議など、すべての自治体が使う共通の記録。",
    Category = "共通",
    Version = "1.0.0",
    Scope = ModuleScope.Tenant,
    AlwaysEnabled = true,
    Startup = typeof(Platform.Core.Startup)
)]
