namespace ChatBrief.Core.Configuration;

/// <summary>
/// Marks a setting that must never be in a committed settings file (<c>appsettings.json</c>): the settings audit
/// reports it there at start, naming the key and never the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
