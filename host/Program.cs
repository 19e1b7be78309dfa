using Platform.Host;
using Platform.Host.Cli;

if (args.Length > 0 && args[0] == "modules")
    return await ModulesCommand.RunAsync(args);
if (args.Length > 0 && args[0] == "minutes")
    return await MinutesCommand.RunAsync(args);

var app = PlatformApp.Create(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
