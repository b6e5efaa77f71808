namespace ChatBrief.Core.Evaluation;

/// <summary>
/// Adds up where each question's first answering passage ranked, for hit@k and MRR@10: one count for <c>eval</c> and
/// <c>train-ranker</c>, so that both report the same measures.
/// </summary>
public sealed class RankTally
{
    /// <summary>Ranks past this count as a miss.</summary>
    public const int Depth = 10;

    private double _hit1, _hit3, _hit10, _reciprocalRanks;

    /// <param name="rank">1-based rank of the first answering passage, or 0 when none is in the first <see cref="Depth"/>.</param>
    public void Add(int rank)
    {
        if (rank is < 1 or > Depth)
        {
            return;
        }

        _hit1 += rank == 1 ? 1 : 0;
        _hit3 += rank <= 3 ? 1 : 0;
        _hit10++;
        _reciprocalRanks += 1.0 / rank;
    }

    public double HitAt1(int questions) => Share(_hit1, questions);

    public double HitAt3(int questions) => Share(_hit3, questions);

    public double HitAt10(int questions) => Share(_hit10, questions);

    public double MrrAt10(int questions) => Share(_reciprocalRanks, questions);

    /// <summary>A count over the questions, rounded to four places as the reports print it; 0 when there are none.</summary>
    public static double Share(double count, int questions) => questions == 0 ? 0 : Math.Round(count / questions, 4);
}
