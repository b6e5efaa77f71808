using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Configuration;

/// <summary>How every ChatBrief settings section is bound, so that all of them follow the same rules.</summary>
public static class SettingsBinding
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, takes each list setting whole from the one
    /// source that sets it (<see cref="WholeListSettings{TOptions}"/>), and audits the section whenever the options are
    /// validated (<see cref="SettingsAudit{TOptions}"/>); follow with <c>ValidateOnStart</c> so that happens at start.
    /// </summary>
    public static OptionsBuilder<TOptions> BindSettings<TOptions>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        builder.BindConfiguration(section);
        builder.Services.AddSingleton<IPostConfigureOptions<TOptions>>(services =>
            new WholeListSettings<TOptions>(services.GetRequiredService<IConfiguration>(), section));
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(services =>
            new SettingsAudit<TOptions>(services.GetRequiredService<IConfiguration>(), section, services.GetRequiredService<ILoggerFactory>().CreateLogger(SettingsAudit.LogCategory)));
        return builder;
    }
}
