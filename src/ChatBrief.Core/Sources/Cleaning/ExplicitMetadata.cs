namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>Metadata a person wrote down (sidecar file or front matter), as opposed to what is guessed from the text.</summary>
internal sealed record ExplicitMetadata(string? Title = null, string? Author = null, string? Date = null, string? Publisher = null, string? Url = null)
{
    public static ExplicitMetadata None { get; } = new();

    /// <summary>Reads <c>key: value</c> pairs of the fields it knows, ignoring case and anything else.</summary>
    public static ExplicitMetadata FromPairs(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var metadata = None;
        foreach (var (rawKey, rawValue) in pairs)
        {
            var value = WhitespaceNormalizer.Normalize(rawValue);
            if (value.Length == 0)
            {
                continue;
            }

            metadata = rawKey.Trim().ToLowerInvariant() switch
            {
                "title" => metadata with { Title = value },
                "author" => metadata with { Author = value },
                "date" => metadata with { Date = value },
                "publisher" => metadata with { Publisher = value },
                "url" => metadata with { Url = value },
                _ => metadata,
            };
        }

        return metadata;
    }

    /// <summary>This metadata where it has a value, <paramref name="fallback"/> elsewhere.</summary>
    public ExplicitMetadata Over(ExplicitMetadata fallback) => new(
        Title ?? fallback.Title,
        Author ?? fallback.Author,
        Date ?? fallback.Date,
        Publisher ?? fallback.Publisher,
        Url ?? fallback.Url);

    /// <summary>Overrides the fields of a document's metadata that were written down explicitly.</summary>
    public DocumentMetadata ApplyTo(DocumentMetadata metadata, bool includeTitle) => metadata with
    {
        Title = includeTitle && Title is not null ? Title : metadata.Title,
        TitleFromText = metadata.TitleFromText && !(includeTitle && Title is not null),
        Author = Author ?? metadata.Author,
        Date = Date ?? metadata.Date,
        Publisher = Publisher ?? metadata.Publisher,
        Url = Url ?? metadata.Url,
    };
}
