using AlignBot.Bench;

return args.FirstOrDefault() switch
{
    "outbox" => await OutboxBench.RunAsync(Arguments.Parse(args.Skip(1))),
    "startup" => await StartupBench.RunAsync(Arguments.Parse(args.Skip(1))),
    "inbound" => await InboundBench.RunAsync(Arguments.Parse(args.Skip(1))),
    "standups" => await StandupBench.RunAsync(Arguments.Parse(args.Skip(1))),
    "fanout" => await StandupFanoutBench.RunAsync(Arguments.Parse(args.Skip(1))),
    "feedback" => await FeedbackBench.RunAsync(Arguments.Parse(args.Skip(1))),
    "slack" => await SlackBench.RunAsync(Arguments.Parse(args.Skip(1))),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AlignBot.Bench outbox [--messages 10000] [--tenants 10] | startup [--runs 3] | inbound [--seconds 10] [--concurrency 32] | standups [--members 1000] | fanout [--prompts 5000] [--tenants 10] | feedback [--items 10000] [--owners 50] [--rules 200] | slack [--people 1000] [--dm known|open] [--workspace-per-second 10] [--seconds 10] [--concurrency 32]");
    return 2;
}
