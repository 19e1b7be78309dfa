using Platform.Abstractions.Modules;

[assembly: Module(
    "Miyagi.ExchangeSessions",
    Name = "情報交換会",
    Description = "県が圏域ごとに開く市町村の情報交換会：回ごとのテーマ、圏域別の意見、アドバイザーのコメント、概要の作成と取り込み。",
    Category = "広域の会議",
    Version = "0.1.0",
    Scope = ModuleScope.Tenant,
    Startup = typeof(Miyagi.ExchangeSessions.Startup)
)]
