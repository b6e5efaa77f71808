namespace ChatBrief.Core.Search;

/// <summary>
/// The ranking models in use: the semantic one (with a share of the lexical one's score) when the candidates carry
/// cosines, the lexical one alone otherwise (semantic layer off, an index without vectors, or a build that ships no
/// semantic model).
/// </summary>
public sealed record RankingModels(RankingModel Lexical, RankingModel? Semantic)
{
    /// <summary>The built-in models, with the one of its feature set replaced by the model <see cref="SearchOptions.RankingModel"/> names.</summary>
    public static RankingModels FromOptions(SearchOptions options)
    {
        var builtIn = new RankingModels(RankingModel.BuiltIn(), RankingModel.BuiltInSemantic());
        if (string.IsNullOrWhiteSpace(options.RankingModel))
        {
            return builtIn;
        }

        var path = Path.GetFullPath(options.RankingModel);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Search:RankingModel names '{path}', which does not exist. Train one with 'chatbrief train-ranker', or leave the setting empty for the built-in model.", path);
        }

        using var stream = File.OpenRead(path);
        try
        {
            var model = RankingModel.Load(stream, path);
            return model.Features == FeatureSet.Semantic ? builtIn with { Semantic = model } : builtIn with { Lexical = model };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException($"Search:RankingModel names '{path}', which is not a ranking model written by this version's 'chatbrief train-ranker' ({e.Message}). Train one again, or leave the setting empty for the built-in model.", e);
        }
    }
}
