using AlignBot.Data;
using AlignBot.Host;
using AlignBot.Host.Organization;
using AlignBot.Host.Teams;

// The repository's appsettings.json is linked into the build output; read it from there when the working
// directory has none of its own (as under `dotnet run --project src/AlignBot.Host`).
var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory;
// The slim builder: configuration, console logging and Kestrel as the default one, without the parts this host never
// uses (IIS integration, HTTP/3, HTTPS endpoint configuration, hosting startup assemblies); 2 MB less resident.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
builder.AddAlignBot();
builder.UseInlineIo();
var batchScheduled = BatchScheduling.Apply(builder.Configuration);

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    if (app.Configuration.GetValue($"{StorageOptions.Section}:{nameof(StorageOptions.MigrateOnStart)}", true))
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }

    await scope.ServiceProvider.GetRequiredService<OrganizationSeeder>().ApplyAsync(app.Lifetime.ApplicationStopping);
}

if (string.IsNullOrWhiteSpace(app.Configuration["MicrosoftAppId"]))
{
    TeamsLog.AnonymousMode(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(TeamsLog.AnonymousModeCategory));
}

if (batchScheduled is { } threads && threads > 0)
{
    BatchScheduling.Applied(app.Logger, threads);
}

app.MapAlignBot();

// Start-up (migrations, the EF model, the organization) leaves tens of megabytes of garbage behind; one full,
// compacting collection once the host is listening gives that memory back before the bot settles into idle.
app.Lifetime.ApplicationStarted.Register(() =>
{
    System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
});
await app.RunAsync();
