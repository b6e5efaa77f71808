using System.Reflection;

namespace ChatBrief.Core.Configuration;

/// <summary>The settings an options class takes: its public settable properties, as the configuration binder sees them.</summary>
internal static class SettingProperties
{
    public static IReadOnlyList<PropertyInfo> Of(Type optionsType) =>
        optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.SetMethod?.IsPublic == true).ToList();

    /// <summary>A list of strings, which binds from several values rather than one.</summary>
    public static bool IsStringList(PropertyInfo property) =>
        property.PropertyType == typeof(string[]) || property.PropertyType == typeof(List<string>);
}
