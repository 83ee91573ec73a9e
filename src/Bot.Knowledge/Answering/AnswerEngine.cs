using Bot.Knowledge.Analysis;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Search;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Text;
using Lucene.Net.Search;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Answers a question from the knowledge. The message is read as a question first (greetings,
/// filler and chat spellings dropped, misspelt names mended); then BM25 and the sentence model
/// each rank passages, reciprocal rank fusion merges the two lists, and every answer unit of
/// the best passages is described by <see cref="AnswerFeatures"/> and scored by the fitted
/// <see cref="AnswerModel"/>. The unit most likely to answer is the answer, if that likelihood
/// passes the model's threshold; otherwise the bot says it does not know (docs/RETRIEVAL.md).
/// </summary>
public sealed class AnswerEngine(KnowledgeStore store, AnswerModel? model = null)
{
    /// <summary>Passages whose units compete for the answer.</summary>
    private const int Candidates = 10;

    /// <summary>Each ranking's depth fed to the fusion.</summary>
    private const int FusionDepth = 20;

    /// <summary>Reciprocal rank fusion's constant: 60 as in Cormack et al., so no one list's top rank dominates.</summary>
    private const int FusionK = 60;

    // Loaded on the first question, not at construction: 'fit' builds an engine to extract
    // features for a new model while the shipped one may describe other features.
    private readonly Lazy<AnswerModel> _scorer = new(() => model ?? AnswerModel.Shipped);

    /// <summary>The shipped memory when it was embedded by the model this store uses; else none.</summary>
    private AnswerMemory Memory =>
        _scorer.Value.Memory is { ModelId: { } id } memory && id == store.Embedder?.ModelId ? memory : AnswerMemory.Empty;

    /// <summary>
    /// The mode used when none is asked for, once every passage has its vectors: hybrid with a
    /// sentence model, lexical without. Until then (a cold start embedding in the background),
    /// a question that names no mode is answered lexically.
    /// </summary>
    public RetrievalMode DefaultMode => store.Questions is null ? RetrievalMode.Lexical : RetrievalMode.Hybrid;

    /// <summary>The sentence model's id, or null without one.</summary>
    public string? EmbeddingModel => store.Embedder?.ModelId;

    /// <param name="mode">How to find the answer; null for <see cref="DefaultMode"/> when the snapshot has every vector, lexical while it has not.</param>
    public Answer Ask(string question, int passages = 5, RetrievalMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var read = Read(question, Math.Max(Candidates, passages), mode);
        var how = read.Mode;
        if (read.Abstention is { } why)
            return Answer.NotAnswered(question, why);
        if (read.Heading is { } heading)
            return HeadingAnswer(question, read, heading, passages);

        var decision = Decide(read);
        var coverage = read.PassageCoverages.Count > 0 ? read.PassageCoverages.Max() : 0f;
        if (decision.Ranked < 0)
            return Answer.NotAnswered(question, Abstention.NothingMatched);
        var chosen = read.Units[decision.Ranked];
        var similarity = chosen.Features[0];
        if (!decision.Answered)
            return Answer.NotAnswered(question, Abstention.NotEnoughEvidence) with { Coverage = coverage, Similarity = similarity, Confidence = decision.Confidence, Threshold = decision.Threshold };

        var winner = read.Candidates[chosen.Candidate];
        var unit = winner.Analyzed.Units[chosen.Unit];
        var wanted = read.Concepts.SelectMany(c => c.Variants.Keys).ToHashSet(StringComparer.Ordinal);
        var ordered = read.Candidates.OrderByDescending(c => ReferenceEquals(c, winner)).Take(passages);
        var hits = ordered.Select(c => new PassageHit(
                c.Passage,
                how == RetrievalMode.Semantic ? c.PassageSimilarity : c.Score,
                Highlights(c.Analyzed, wanted),
                ReferenceEquals(c, winner) ? unit.Span : null))
            .ToArray();
        return new Answer(question, true, Shown(read, winner, chosen.Unit), hits, null) { Coverage = coverage, Similarity = similarity, Confidence = decision.Confidence, Threshold = decision.Threshold };
    }

    /// <summary>The scorer's choice among a read question's units, the memory's columns filled as the model was fitted.</summary>
    private AnswerDecision Decide(ReadQuestion read)
    {
        var rows = read.Units.Select(u => u.Features).ToArray();
        Memory.Fill(rows, read.Vector, read.Terms, read.Units.Select(u => AnswerMemory.UnitKey(Shown(read, read.Candidates[u.Candidate], u.Unit))).ToArray(), AnswerFeatures.MemoryColumn);
        return AnswerDecision.Of(_scorer.Value.For(read.Mode), rows, consulted: read.Vector is not null && Memory.Entries.Count > 0);
    }

    /// <summary>
    /// Every candidate answer unit for a question, with its features, for fitting and explaining
    /// the scorer; empty when nothing in the knowledge matches.
    /// </summary>
    /// <param name="withMemory">Whether the shipped model's <see cref="AnswerMemory"/> fills its columns; 'fit' fills them from the questions of each fold instead.</param>
    public ExplainedQuestion Explain(string question, RetrievalMode mode, bool withMemory = true)
    {
        // A question asking for a heading is answered from the knowledge's structure; its units are
        // still described, as the scorer would see them, for the fit, which learns from every question.
        var routed = Read(question, Candidates, mode);
        var read = routed.AsksHeading ? Read(question, Candidates, mode, headings: false) : routed;
        var units = read.Units
            .Select(u => new UnitFeatures(read.Candidates[u.Candidate].Passage, Shown(read, read.Candidates[u.Candidate], u.Unit), u.Features))
            .ToArray();
        if (withMemory)
            Memory.Fill(units.Select(u => u.Features).ToArray(), read.Vector, read.Terms, units.Select(u => AnswerMemory.UnitKey(u.Text)).ToArray(), AnswerFeatures.MemoryColumn);
        return new ExplainedQuestion(units, read.Vector, read.Terms) { AsksHeading = routed.AsksHeading, Heading = routed.Heading?.Text };
    }

    private sealed record ReadQuestion(
        RetrievalMode Mode,
        IReadOnlyList<CandidatePassage> Candidates,
        IReadOnlyList<Concept> Concepts,
        IReadOnlyList<float> PassageCoverages,
        IReadOnlyList<(int Candidate, int Unit, float[] Features)> Units,
        Abstention? Abstention,
        float[]? Vector = null,
        IReadOnlyList<string>? AskedTerms = null,
        FoundHeading? Heading = null)
    {
        /// <summary>Whether the question asks for a heading (<see cref="HeadingQuestion"/>), answered from the knowledge's structure or not at all.</summary>
        public bool AsksHeading { get; init; }

        public IReadOnlyList<string> Terms => AskedTerms ?? [];

        /// <summary>The snapshot's fullest names, for naming a pronoun-led unit's subject as its document does.</summary>
        public FullNames? FullNames { get; init; }
    }

    private ReadQuestion Read(string question, int depth, RetrievalMode? mode, bool headings = true)
    {
        if (mode is RetrievalMode.Semantic or RetrievalMode.Hybrid && store.Questions is null)
            throw new InvalidOperationException($"{mode} retrieval needs a sentence model; Knowledge:Semantic is off.");
        if (string.IsNullOrWhiteSpace(question))
            return new ReadQuestion(mode ?? DefaultMode, [], [], [], [], Abstention.EmptyQuestion);

        using var lease = store.Index.Acquire();
        var searcher = lease.Searcher;
        var snapshot = IndexSnapshot.Of(searcher);
        return Read(searcher, snapshot, question, depth, mode ?? ModeFor(searcher, snapshot), headings);
    }

    /// <summary>The question read against one snapshot of the index, which a heading question's topic is read against too.</summary>
    private ReadQuestion Read(IndexSearcher searcher, IndexSnapshot snapshot, string question, int depth, RetrievalMode how, bool headings)
    {
        var names = snapshot.Names(searcher);
        var asked = names.Fix(QuestionCleanup.Clean(question));
        // The lexical mode finds no word to look up in "?" or "ok so"; the sentence model would still
        // answer them, so every mode asks for a question instead.
        if (QuestionCleanup.AsksNothing(asked))
            return new ReadQuestion(how, [], [], [], [], Abstention.EmptyQuestion);
        if (headings && HeadingQuestion.Read(asked) is { } headingAsk)
            return ReadHeading(searcher, snapshot, headingAsk, depth, how);
        var typeNoun = AnswerTypes.TypeNoun(asked);
        var leaveOut = typeNoun is null ? null : TextAnalysis.Terms(store.IndexAnalyzer, typeNoun).FirstOrDefault();
        var concepts = QuestionAnalysis.Analyze(asked, store.QueryAnalyzer, snapshot, leaveOut);
        if (how == RetrievalMode.Lexical)
        {
            if (concepts.Count == 0)
                return new ReadQuestion(how, [], concepts, [], [], Abstention.EmptyQuestion);
            if (!concepts.Any(c => c.Known))
                return new ReadQuestion(how, [], concepts, [], [], Abstention.NothingMatched);
        }

        var candidates = Retrieve(searcher, snapshot, names, asked, concepts, depth, how, out var maxScore, out var vector);
        if (candidates.Length == 0)
            return new ReadQuestion(how, [], concepts, [], [], Abstention.NothingMatched);

        var ranker = new SentenceRanker(asked, concepts, candidates.Select(c => c.Analyzed).ToArray());
        var coverages = candidates.Select(c => ranker.PassageCoverage(c.Analyzed, c.ContextTerms)).ToArray();
        var units = Featurize(ranker, candidates, coverages, maxScore, asked, concepts, names, how);
        // The question's words as AnswerMemory compares them with remembered questions' words (the memory
        // needs the question's vector too, so the lexical mode, which has none, skips this).
        string[] terms = vector is null ? [] : TextAnalysis.Terms(store.IndexAnalyzer, asked).Distinct(StringComparer.Ordinal).ToArray();
        return new ReadQuestion(how, candidates, concepts, coverages, units, null, vector, terms) { FullNames = snapshot.FullNames(searcher) };
    }

    /// <summary>A heading of the knowledge as the answer, and the passage it heads (where the question's topic matched best).</summary>
    private sealed record FoundHeading(string Text, CandidatePassage Passage);

    /// <summary>
    /// A question asking for a heading (<see cref="HeadingQuestion"/>): the section is found by its
    /// topic as any question's passages are (words, meaning or both), and the answer is its heading,
    /// or the article's title, first or last heading as asked. Nothing is answered when a topic was
    /// given and no passage matches it.
    /// </summary>
    private ReadQuestion ReadHeading(IndexSearcher searcher, IndexSnapshot snapshot, HeadingAsk ask, int depth, RetrievalMode how)
    {
        // The topic is read as a question of its own ("the director's spiritual experience"): its
        // passages, and the unit the scorer would answer it with, say which section it means.
        var about = ask.Topic.Any(char.IsLetterOrDigit) ? Read(searcher, snapshot, ask.Topic, depth, how, headings: false) : null;
        var concepts = about?.Concepts ?? [];
        var found = about is { Abstention: null } ? about.Candidates : [];
        // Null when there is nothing to decide: a default decision would read as answered (confidence 0 ≥ threshold 0).
        AnswerDecision? decision = about is { Abstention: null, Units.Count: > 0 } ? Decide(about) : null;
        var answering = decision is { Ranked: >= 0 } chosen ? about!.Candidates[about.Units[chosen.Ranked].Candidate] : null;
        // A heading that names the topic in the question's own words ("the section about the director":
        // "Behind the Scenes with the Director"; a synonym would not do: "footage" is no "Behind the Scenes")
        // comes first, then the passage of the unit the scorer chose, then the search's order.
        var typed = TextAnalysis.Terms(store.IndexAnalyzer, ask.Topic).ToHashSet(StringComparer.Ordinal);
        float Named(IReadOnlySet<string> heading) => concepts.Where(k => k.Variants.Keys.Any(v => typed.Contains(v) && heading.Contains(v))).Sum(k => k.Weight);
        var ranked = found
            .Select((c, rank) => (c, rank, Named: Named(AnalyzedPassage.Of(c.Passage.Section, store.IndexAnalyzer).TermSet), Answers: ReferenceEquals(c, answering)))
            .OrderByDescending(x => x.Named).ThenByDescending(x => x.Answers).ThenBy(x => x.rank)
            .ToArray();
        var candidates = ranked.Select(x => x.c).ToArray();
        if (ask.Target == HeadingTarget.Section && candidates.Length == 0)
            return new ReadQuestion(how, [], concepts, [], [], Abstention.NothingMatched) { AsksHeading = true };
        // A section is named only when its heading says the topic or the scorer would answer the topic
        // as a question: "the section about the pastor's salary" is no section of ours, though "pastor" matches.
        if (ask.Target == HeadingTarget.Section && ranked[0].Named == 0 && decision is not { Answered: true })
            return new ReadQuestion(how, [], concepts, [], [], Abstention.NotEnoughEvidence) { AsksHeading = true };

        var documents = snapshot.Documents(searcher);
        var document = candidates.Length > 0 ? documents.First(d => d.Path == candidates[0].Passage.Path) : documents.Count > 0 ? documents[0] : null;
        if (document is null || document.Passages.Count == 0)
            return new ReadQuestion(how, [], concepts, [], [], Abstention.NothingMatched) { AsksHeading = true };

        var last = document.Passages[^1];
        var (text, passage) = ask.Target switch
        {
            HeadingTarget.Section => (HeadingOf(candidates[0].Passage), candidates[0].Passage),
            HeadingTarget.Title => (document.Title, document.Passages[0]),
            HeadingTarget.First => (HeadingOf(document.Passages[0]), document.Passages[0]),
            _ => (HeadingOf(last), document.Passages.First(p => p.Section == last.Section)),
        };
        var shown = candidates.FirstOrDefault(c => c.Passage.Id == passage.Id)
            ?? CandidatePassage.Load(searcher, snapshot, DocOf(searcher, passage), 0f, store, null, null, null);
        var others = candidates.Where(c => !ReferenceEquals(c, shown));
        return new ReadQuestion(how, [shown, .. others], concepts, [], [], null, Heading: new FoundHeading(text, shown)) { AsksHeading = true };

        // The words under no ## heading are headed by the article's title.
        static string HeadingOf(Passage p) => p.Section.Length > 0 ? p.Section : p.Title;
    }

    private static int DocOf(IndexSearcher searcher, Passage passage) =>
        searcher.Search(new TermQuery(new Lucene.Net.Index.Term(Indexing.IndexFields.Id, passage.Id)), 1).ScoreDocs[0].Doc;

    /// <summary>The answer to a question asking for a heading: the heading, shown with the passage it heads.</summary>
    private static Answer HeadingAnswer(string question, ReadQuestion read, FoundHeading heading, int passages)
    {
        var wanted = read.Concepts.SelectMany(c => c.Variants.Keys).ToHashSet(StringComparer.Ordinal);
        var hits = read.Candidates.Take(passages)
            .Select(c => new PassageHit(c.Passage, c.Score, Highlights(c.Analyzed, wanted), null))
            .ToArray();
        // No fitted probability: the heading is read from the knowledge's structure, not chosen by the scorer.
        return new Answer(question, true, heading.Text, hits, null) { Confidence = 1f };
    }

    /// <summary>
    /// <see cref="DefaultMode"/> when this snapshot holds every passage's vectors, else lexical. The
    /// index's flag says whether the published snapshot is complete without loading its vectors; the
    /// count of vectors loaded confirms it for the snapshot in hand, which may be an older one.
    /// </summary>
    private RetrievalMode ModeFor(IndexSearcher searcher, IndexSnapshot snapshot)
    {
        if (DefaultMode == RetrievalMode.Lexical || !store.Index.VectorsComplete)
            return RetrievalMode.Lexical;
        return snapshot.Vectors(searcher, store.Embedder!.Dimensions).Count == searcher.IndexReader.NumDocs ? DefaultMode : RetrievalMode.Lexical;
    }

    /// <summary>
    /// The candidate passages: by words (BM25), by meaning (the question's vector against every
    /// passage's), or both fused, as <paramref name="how"/> says; <paramref name="maxScore"/> is the best BM25.
    /// </summary>
    private CandidatePassage[] Retrieve(
        IndexSearcher searcher, IndexSnapshot snapshot, NameVariants names, string asked, IReadOnlyList<Concept> concepts, int depth, RetrievalMode how, out float maxScore, out float[]? vector)
    {
        var lexical = how == RetrievalMode.Semantic || !concepts.Any(c => c.Known)
            ? []
            : SearchLexical(searcher, snapshot, concepts, how == RetrievalMode.Lexical ? depth : FusionDepth);
        vector = null;
        float[]? questionVector = null, predicateVector = null;
        VectorTable? vectors = null;
        IReadOnlyList<(int Doc, float Cosine)> semantic = [];
        if (how != RetrievalMode.Lexical)
        {
            // The question without its names, when it differs, is embedded in the same model call.
            var predicate = names.WithoutNames(asked);
            var embedded = predicate.Length > 0 && predicate != asked && predicate.Any(char.IsLetter)
                ? store.Questions!.Embed([asked, predicate])
                : store.Questions!.Embed([asked]);
            questionVector = embedded[0];
            predicateVector = embedded[^1];
            vector = questionVector;
            vectors = snapshot.Vectors(searcher, store.Embedder!.Dimensions);
            semantic = vectors.Nearest(questionVector, FusionDepth);
        }

        var chosen = how switch
        {
            RetrievalMode.Lexical => lexical.Select(h => h.Doc).Take(depth),
            RetrievalMode.Semantic => semantic.Select(h => h.Doc).Take(depth),
            _ => Fuse(lexical.Select(h => h.Doc), semantic.Select(h => h.Doc)).Take(depth),
        };
        var bm25 = lexical.ToDictionary(h => h.Doc, h => h.Score);
        maxScore = lexical.Length > 0 ? lexical.Max(h => h.Score) : 0f;
        return chosen
            .Select(doc => CandidatePassage.Load(searcher, snapshot, doc, bm25.GetValueOrDefault(doc), store, questionVector, predicateVector, vectors))
            .ToArray();
    }

    /// <summary>Every unit of every candidate with its features; what the mode does not measure is zero, as the mode's scorer was fitted.</summary>
    private static List<(int, int, float[])> Featurize(
        SentenceRanker ranker, CandidatePassage[] candidates, float[] coverages, float maxScore, string asked, IReadOnlyList<Concept> concepts, NameVariants names, RetrievalMode how)
    {
        var totalWeight = concepts.Sum(c => c.Weight);
        var knownShare = totalWeight > 0 ? concepts.Where(c => c.Known).Sum(c => c.Weight) / totalWeight : 0f;
        var nameConcepts = concepts.Select(c => c.Variants.Keys.Any(names.IsNameStem)).ToArray();
        var rows = AnswerFeatures.Compute(ranker, candidates, coverages, maxScore, knownShare, AnswerTypes.IsYesNo(asked), nameConcepts);
        var measured = AnswerFeatures.Measured(how);
        foreach (var row in rows)
        {
            for (var f = 0; f < row.Length; f++)
            {
                if (!measured[f])
                    row[f] = 0;
            }
        }

        var units = new List<(int, int, float[])>(rows.Count);
        var at = 0;
        for (var c = 0; c < candidates.Length; c++)
        {
            for (var u = 0; u < candidates[c].Analyzed.Units.Count; u++)
                units.Add((c, u, rows[at++]));
        }

        return units;
    }

    /// <summary>
    /// A search rather than a question: the passages whose words best match <paramref name="query"/>
    /// (BM25 over its words, their synonyms and near spellings, as <see cref="Ask"/> looks them up),
    /// best first, each with where those words occur. Nothing is abstained on and no answer
    /// sentence is chosen: a passage that matches one word of the query is a result. Empty when
    /// the query holds no word the knowledge knows.
    /// </summary>
    /// <param name="count">At most this many passages.</param>
    public IReadOnlyList<PassageHit> Search(string query, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (string.IsNullOrWhiteSpace(query))
            return [];

        using var lease = store.Index.Acquire();
        var searcher = lease.Searcher;
        var snapshot = IndexSnapshot.Of(searcher);
        var concepts = QuestionAnalysis.Analyze(query, store.QueryAnalyzer, snapshot);
        if (!concepts.Any(c => c.Known))
            return [];

        var wanted = concepts.SelectMany(c => c.Variants.Keys).ToHashSet(StringComparer.Ordinal);
        return SearchLexical(searcher, snapshot, concepts, count)
            .Select(hit =>
            {
                var passage = snapshot.Passage(searcher, hit.Doc);
                return new PassageHit(passage, hit.Score, Highlights(AnalyzedPassage.Of(passage.Text, store.IndexAnalyzer), wanted), null);
            })
            .ToArray();
    }

    /// <summary>The unit as the answer shows it: a leading "he", "she" or "they" names its subject.</summary>
    private static string Shown(ReadQuestion read, CandidatePassage candidate, int unit) =>
        PronounSubject.Resolve(candidate.Analyzed, unit, read.FullNames, candidate.Passage.Path);

    private static ScoreDoc[] SearchLexical(IndexSearcher searcher, IndexSnapshot snapshot, IReadOnlyList<Concept> concepts, int count)
    {
        // In-order collection scores with BooleanScorer2, which allocates far less per search than
        // the out-of-order BooleanScorer's bucket table.
        var collector = TopScoreDocCollector.Create(count, docsScoredInOrder: true);
        searcher.Search(PassageQuery.Build(concepts, snapshot, searcher), collector);
        return collector.GetTopDocs().ScoreDocs;
    }

    /// <summary>Reciprocal rank fusion: a passage ranked well by either list, or fairly by both, comes first.</summary>
    private static IEnumerable<int> Fuse(IEnumerable<int> lexical, IEnumerable<int> semantic)
    {
        var scores = new Dictionary<int, double>();
        foreach (var ranking in new[] { lexical, semantic })
        {
            var rank = 0;
            foreach (var doc in ranking)
                scores[doc] = scores.GetValueOrDefault(doc) + 1.0 / (FusionK + ++rank);
        }

        return scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key);
    }

    private static TextSpan[] Highlights(AnalyzedPassage passage, HashSet<string> wanted) =>
        passage.Terms.Where(t => wanted.Contains(t.Term)).Select(t => t.Span).ToArray();
}

/// <summary>A question's candidate answer units, and its vector (null in the lexical mode).</summary>
public sealed record ExplainedQuestion(IReadOnlyList<UnitFeatures> Units, float[]? Vector, IReadOnlyList<string> Terms)
{
    /// <summary>Whether the question asks for a heading (<see cref="HeadingQuestion"/>): the engine answers it with <see cref="Heading"/>, and the units are what the scorer would have seen.</summary>
    public bool AsksHeading { get; init; }

    /// <summary>The heading answering a question that asks for one; null when none does.</summary>
    public string? Heading { get; init; }
}

/// <summary>One candidate answer unit and what the scorer sees of it.</summary>
public sealed record UnitFeatures(Passage Passage, string Text, float[] Features);
