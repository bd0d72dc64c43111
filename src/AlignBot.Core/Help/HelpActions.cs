namespace AlignBot.Core.Help;

/// <summary>Card action verbs of the help feature.</summary>
public static class HelpActions
{
    public const string ShowHelp = "help.show";
    public const string ShowProfile = "help.profile";
}
