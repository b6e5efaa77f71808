using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatBrief.Core.Search;

/// <summary>
/// Builds the Lucene query for a parsed question in code: every content term may match text, title or byline,
/// adjacent terms add a phrase boost, and known aliases add their other spellings.
/// </summary>
public static class QueryBuilder
{
    // Lucene refuses more than 1024 clauses; a long question keeps its rarest terms.
    private const int MaxTerms = 64;
    private const int MaxPhrases = 32;

    // Secondary fields and phrases add evidence; the passage text stays the main signal.
    private const float TitleBoost = 0.5f;
    private const float AuthorBoost = 0.5f;
    private const float AskedAuthorBoost = 2f;
    private const float PhraseBoost = 0.5f;
    private const float AliasBoost = 0.7f;

    public static Query Build(ParsedQuestion question)
    {
        var query = new BooleanQuery();
        foreach (var term in question.Terms.Take(MaxTerms))
        {
            query.Add(new TermQuery(new Term(IndexSchema.Text, term.Term)), Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexSchema.Title, term.Term)) { Boost = TitleBoost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexSchema.Author, term.Term)) { Boost = question.AsksForAuthor ? AskedAuthorBoost : AuthorBoost }, Occur.SHOULD);
        }

        foreach (var (first, second) in AdjacentPairs(question.Tokens).Take(MaxPhrases))
        {
            var phrase = new PhraseQuery { Slop = 1, Boost = PhraseBoost };
            phrase.Add(new Term(IndexSchema.Text, first));
            phrase.Add(new Term(IndexSchema.Text, second));
            query.Add(phrase, Occur.SHOULD);
        }

        foreach (var expansion in question.Aliases)
        {
            query.Add(SpellingQuery(expansion.Spelling), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>Pairs of content terms that stand next to each other in the question.</summary>
    private static IEnumerable<(string First, string Second)> AdjacentPairs(IReadOnlyList<AnalyzedToken> tokens)
    {
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var j = i + 1; j < tokens.Count && tokens[j].Position <= tokens[i].Position + 1; j++)
            {
                if (tokens[j].Position == tokens[i].Position + 1 && seen.Add((tokens[i].Term, tokens[j].Term)))
                {
                    yield return (tokens[i].Term, tokens[j].Term);
                }
            }
        }
    }

    private static Query SpellingQuery(string[] terms)
    {
        if (terms.Length == 1)
        {
            return new TermQuery(new Term(IndexSchema.Text, terms[0])) { Boost = AliasBoost };
        }

        var phrase = new PhraseQuery { Slop = 1, Boost = AliasBoost };
        foreach (var term in terms)
        {
            phrase.Add(new Term(IndexSchema.Text, term));
        }

        return phrase;
    }
}
