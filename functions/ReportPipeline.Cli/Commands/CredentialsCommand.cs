using System.CommandLine;
using System.Text.Json;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Cli.Commands;

/// <summary><c>credentials issue|revoke|list ISO3</c>: Member States' upload keys; issue prints the key once. The staff desk calls the same methods.</summary>
internal static class CredentialsCommand
{
    public static Command Create(Option<string?> storage)
    {
        var command = new Command("credentials", "Issue, revoke or list a Member State's upload keys.");
        command.Subcommands.Add(Issue(storage));
        command.Subcommands.Add(Revoke(storage));
        command.Subcommands.Add(List(storage));
        return command;
    }

    private static Argument<string> State() => new("state") { Description = "ISO 3166 alpha-3 code of the Member State." };

    private static Command Issue(Option<string?> storage)
    {
        var state = State();
        var expires = new Option<string?>("--expires")
        {
            Description = "When the key stops working, in UTC: a date (2027-06-30, its first moment) or a time (2027-06-30T18:00Z). Default: never.",
        };
        var command = new Command("issue", "Issue a new upload key; it is printed once and only its salted hash is stored.") { state, expires };
        command.SetAction(async (result, cancellationToken) => await WithServiceAsync(result, storage, async service =>
        {
            var expiresAt = CredentialService.ParseExpiry(result.GetValue(expires));
            var issued = await service.IssueAsync(result.GetValue(state)!, expiresAt, cancellationToken);
            var until = expiresAt is { } at ? $", valid until {at:u}" : "";
            Console.Error.WriteLine($"Upload key {issued.Id} for {issued.State}, issued {issued.IssuedAt:u}{until}. It is shown only now: hand it to the state's focal point over a secure channel.");
            Console.WriteLine(issued.Key);
            return 0;
        }));
        return command;
    }

    private static Command Revoke(Option<string?> storage)
    {
        var state = State();
        var id = new Option<string?>("--id") { Description = "Revoke only this key id (default: every active key of the state)." };
        var command = new Command("revoke", "Revoke a state's upload keys; slots already issued expire on their own within Uploads__SlotMinutes.") { state, id };
        command.SetAction(async (result, cancellationToken) => await WithServiceAsync(result, storage, async service =>
        {
            var count = await service.RevokeAsync(result.GetValue(state)!, result.GetValue(id), cancellationToken);
            Console.WriteLine($"Revoked {count} upload key(s) of {result.GetValue(state)}.");
            return 0;
        }));
        return command;
    }

    private static Command List(Option<string?> storage)
    {
        var state = new Argument<string?>("state") { Description = "ISO 3166 alpha-3 code of the Member State (default: every state).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print {\"keys\": [...]} as GET /api/keys answers." };
        var command = new Command("list", "List upload keys (ids, dates and slots; secrets are never stored).") { state, json };
        command.SetAction(async (result, cancellationToken) => await WithServiceAsync(result, storage, async service =>
        {
            var keys = await service.ListAsync(result.GetValue(state), cancellationToken);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { keys }, ApiReply.Json));
                return 0;
            }

            foreach (var key in keys)
            {
                var status = key.RevokedAt is { } at ? $"revoked {at:u}" : key.ExpiresAt is { } end ? $"{(key.Status == "expired" ? "expired" : "expires")} {end:u}" : "active";
                var used = key.LastSlotAt is { } last ? $"  last slot {last:u} ({key.SlotsLastDay} in 24 h)" : "";
                Console.WriteLine($"{key.Id}  {key.State}  issued {key.IssuedAt:u}  {status}{used}");
            }

            return 0;
        }));
        return command;
    }

    private static async Task<int> WithServiceAsync(ParseResult result, Option<string?> storage, Func<CredentialService, Task<int>> action)
    {
        await using var host = await LocalHost.StartAsync(result.GetValue(storage), CancellationToken.None);
        try
        {
            return await action(host.Get<CredentialService>());
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e is CredentialRefusedException refused ? refused.Reason : e.Message);
            return 2;
        }
    }
}
