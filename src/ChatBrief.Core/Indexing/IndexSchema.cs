using ChatBrief.Core.Analysis;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Sources;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace ChatBrief.Core.Indexing;

/// <summary>Field names and the mapping between passages and Lucene documents.</summary>
internal static class IndexSchema
{
    /// <summary>Bumped whenever analysis or fields change: an index of another version is rebuilt from the sources.</summary>
    public const string Version = "10";

    public const string Kind = "kind";
    public const string Id = "id";
    public const string Source = "source";
    public const string Number = "number";
    public const string Part = "part";
    public const string Page = "page";
    public const string Anchor = "anchor";
    public const string Text = "text";
    public const string Sentences = "sentences";
    public const string Title = "title";
    public const string Author = "author";
    public const string Date = "date";
    public const string Publisher = "publisher";
    public const string Url = "url";
    public const string TitleFromText = "title_from_text";
    public const string Hash = "hash";
    public const string PassageCount = "passages";
    public const string DocumentCount = "documents";
    public const string Speakers = "speakers";
    public const string Vocabulary = "vocabulary";
    public const string Vector = "vector";

    public const string PassageKind = "passage";
    public const string SourceKind = "source";

    public const string CommitSchemaVersion = "schema_version";
    public const string CommitBuiltAt = "built_at";
    public const string CommitEmbeddingModel = "embedding_model";

    public static Term SourceTerm(string source) => new(Source, source);

    public static Document ToDocument(Passage passage, IReadOnlyCollection<string> speakers, byte[]? vector = null)
    {
        var document = new Document
        {
            new StringField(Kind, PassageKind, Field.Store.NO),
            new StringField(Id, passage.Id, Field.Store.YES),
            new StringField(Source, passage.Source, Field.Store.YES),
            new Int32Field(Number, passage.Number, Field.Store.YES),
            new StoredField(Part, passage.Part),
            new TextField(Text, passage.Text, Field.Store.YES),
            new StoredField(Sentences, string.Join(';', passage.Sentences.Select(s => $"{s.Start}:{s.Length}"))),
            new TextField(Title, passage.Metadata.Title, Field.Store.YES),
        };
        AddOptional(document, Author, passage.Metadata.Author, analyzed: true);
        AddOptional(document, Date, passage.Metadata.Date, analyzed: false);
        AddOptional(document, Publisher, passage.Metadata.Publisher, analyzed: false);
        AddOptional(document, Url, passage.Metadata.Url, analyzed: false);
        if (passage.Metadata.TitleFromText)
        {
            document.Add(new StoredField(TitleFromText, 1));
        }

        if (passage.Page is { } page)
        {
            document.Add(new StoredField(Page, page));
        }

        AddOptional(document, Anchor, passage.Anchor, analyzed: false);

        if (vector is not null)
        {
            // Doc values, not a stored field: the whole column is read once per commit, fast, in document order.
            document.Add(new BinaryDocValuesField(Vector, new Lucene.Net.Util.BytesRef(vector)));
        }

        if (speakers.Count > 0)
        {
            // Stored, not indexed: speakers are compared with the question while reranking, never searched.
            document.Add(new StoredField(Speakers, string.Join(" | ", speakers)));
        }

        return document;
    }

    public static Document ToSourceDocument(SourceFile file, DocumentMetadata metadata, int passages, int documents, SourceVocabulary vocabulary) => new()
    {
        new StringField(Kind, SourceKind, Field.Store.YES),
        new StringField(Source, file.Source, Field.Store.YES),
        new StoredField(Hash, file.ContentHash),
        new StoredField(Title, metadata.Title),
        new StoredField(Author, metadata.Author ?? ""),
        new StoredField(PassageCount, passages),
        new StoredField(DocumentCount, documents),
        new StoredField(Vocabulary, vocabulary.Serialize()),
    };

    public static StoredPassage ToStoredPassage(Document document)
    {
        var text = document.Get(Text);
        var sentences = ParseSentences(document.Get(Sentences), text.Length);
        return new StoredPassage(
            document.Get(Id),
            document.Get(Source),
            document.GetField(Number).GetInt32Value() ?? 0,
            document.GetField(Part).GetInt32Value() ?? 0,
            text,
            sentences,
            new DocumentMetadata(document.Get(Title), NullIfEmpty(document.Get(Author)), document.Get(Date), document.Get(Publisher), document.Get(Url))
            {
                TitleFromText = document.GetField(TitleFromText) is not null,
            },
            document.Get(Speakers) is { } speakers ? speakers.Split(" | ") : [],
            document.GetField(Page)?.GetInt32Value(),
            document.Get(Anchor));
    }

    private static IReadOnlyList<TextSpan> ParseSentences(string? stored, int textLength)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [new TextSpan(0, textLength)];
        }

        return stored.Split(';').Select(pair =>
        {
            var colon = pair.IndexOf(':');
            return new TextSpan(int.Parse(pair.AsSpan(0, colon)), int.Parse(pair.AsSpan(colon + 1)));
        }).ToArray();
    }

    private static void AddOptional(Document document, string field, string? value, bool analyzed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        document.Add(analyzed ? new TextField(field, value, Field.Store.YES) : new StoredField(field, value));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>A passage as read back from the index.</summary>
public sealed record StoredPassage(
    string Id,
    string Source,
    int Number,
    int Part,
    string Text,
    IReadOnlyList<TextSpan> Sentences,
    DocumentMetadata Metadata,
    IReadOnlyList<string> Speakers,
    int? Page = null,
    string? Anchor = null);
