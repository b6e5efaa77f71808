using ChatBrief.Core.Analysis;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Sources;
using Lucene.Net.Analysis;
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

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>
/// Makes the Lucene documents of passages for one writer thread. The fields that every passage has are made once and
/// given each passage's values, as Lucene allows between two <c>AddDocument</c> calls: a new field builds a new token
/// stream, whose attributes are created under a lock that every thread of the build shares.
/// </summary>
internal sealed class PassageDocuments
{
    private readonly StringField _kind = new(IndexSchema.Kind, IndexSchema.PassageKind, Field.Store.NO);
    private readonly StringField _id = new(IndexSchema.Id, "", Field.Store.YES);
    private readonly StringField _source = new(IndexSchema.Source, "", Field.Store.YES);
    private readonly Int32Field _number = new(IndexSchema.Number, 0, Field.Store.YES);
    private readonly TokenReplay _text = new();
    private readonly TokenReplay _title = new();
    private readonly TokenReplay _author = new();

    /// <summary>
    /// The passage's document, valid until the next call. Indexed and stored as <c>TextField</c>s with
    /// <c>Field.Store.YES</c> would be for the text, title and author, with the tokens of <paramref name="analysis"/>.
    /// </summary>
    public Document Create(Passage passage, IReadOnlyCollection<string> speakers, PassageAnalysis analysis, byte[]? vector = null)
    {
        _id.SetStringValue(passage.Id);
        _source.SetStringValue(passage.Source);
        _number.SetInt32Value(passage.Number);
        var document = new Document { _kind, _id, _source, _number, new StoredField(IndexSchema.Part, passage.Part) };
        AddAnalyzed(document, IndexSchema.Text, passage.Text, _text.Of(analysis.Text));
        document.Add(new StoredField(IndexSchema.Sentences, string.Join(';', passage.Sentences.Select(s => $"{s.Start}:{s.Length}"))));
        AddAnalyzed(document, IndexSchema.Title, passage.Metadata.Title, _title.Of(analysis.Title));
        if (analysis.Author is not null)
        {
            AddAnalyzed(document, IndexSchema.Author, passage.Metadata.Author!, _author.Of(analysis.Author));
        }

        AddOptional(document, IndexSchema.Date, passage.Metadata.Date);
        AddOptional(document, IndexSchema.Publisher, passage.Metadata.Publisher);
        AddOptional(document, IndexSchema.Url, passage.Metadata.Url);
        if (passage.Metadata.TitleFromText)
        {
            document.Add(new StoredField(IndexSchema.TitleFromText, 1));
        }

        if (passage.Page is { } page)
        {
            document.Add(new StoredField(IndexSchema.Page, page));
        }

        AddOptional(document, IndexSchema.Anchor, passage.Anchor);

        if (vector is not null)
        {
            // Doc values, not a stored field: the whole column is read once per commit, fast, in document order.
            document.Add(new BinaryDocValuesField(IndexSchema.Vector, new Lucene.Net.Util.BytesRef(vector)));
        }

        if (speakers.Count > 0)
        {
            // Stored, not indexed: speakers are compared with the question while reranking, never searched.
            document.Add(new StoredField(IndexSchema.Speakers, string.Join(" | ", speakers)));
        }

        return document;
    }

    private static void AddOptional(Document document, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            document.Add(new StoredField(field, value));
        }
    }

    /// <summary>The indexed tokens first, so that positions start as a stored <c>TextField</c>'s did, then the stored value.</summary>
    private static void AddAnalyzed(Document document, string field, string value, TokenStream tokens)
    {
        document.Add(new TextField(field, tokens));
        document.Add(new StoredField(field, value));
    }
}

/// <summary>A passage's analysed fields (the author's only when it has one), ready to replay to the writer.</summary>
internal sealed record PassageAnalysis(PreAnalyzedText Text, PreAnalyzedText Title, PreAnalyzedText? Author)
{
    /// <param name="titles">Titles analysed already, since a document's passages share one; used from one thread only.</param>
    public static PassageAnalysis Of(Passage passage, Analyzer analyzer, Dictionary<string, PreAnalyzedText> titles)
    {
        var metadata = passage.Metadata;
        if (!titles.TryGetValue(metadata.Title, out var title))
        {
            titles[metadata.Title] = title = PreAnalyzedText.Analyze(analyzer, IndexSchema.Title, metadata.Title);
        }

        var author = string.IsNullOrWhiteSpace(metadata.Author) ? null : PreAnalyzedText.Analyze(analyzer, IndexSchema.Author, metadata.Author);
        return new PassageAnalysis(PreAnalyzedText.Analyze(analyzer, IndexSchema.Text, passage.Text), title, author);
    }
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
