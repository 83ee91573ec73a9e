using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Bot.Knowledge.Analysis;

/// <summary>
/// The analysis chains shared by indexing and searching. Both run EnglishAnalyzer's steps
/// (standard tokenizer, possessives with straight and curly apostrophes, lower case, English
/// stop words, Porter stemming) so a question's terms meet the article's terms in the same form.
/// </summary>
public static class TextAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Bumped whenever the chain, or what a passage stores, changes, so an index built the older
    /// way is rebuilt. 2: passages store their document's front-matter tags. 3: vectors are
    /// stored per answer unit, with the passage's heading and each unit's context. 4: and each
    /// unit's clauses.
    /// </summary>
    public const string ChainVersion = "en-porter-4";

    public static CharArraySet StopWords { get; } = EnglishAnalyzer.DefaultStopSet;

    /// <summary>The chain for passages, and the base of the question chain.</summary>
    public static Analyzer CreateIndexAnalyzer() => new ChainAnalyzer(extraStopWords: null, synonyms: null);

    /// <summary>The chain for questions: drops question-frame words, then adds synonyms of the stems.</summary>
    public static Analyzer CreateQueryAnalyzer(SynonymMap? synonyms) => new ChainAnalyzer(QuestionWords.Set, synonyms);

    /// <summary>Stems of a piece of text, in order, through the index chain.</summary>
    public static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private sealed class ChainAnalyzer(CharArraySet? extraStopWords, SynonymMap? synonyms) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
            TokenStream stream = new EnglishPossessiveFilter(Version, source);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ApostropheFolder(stream);
            stream = new StopFilter(Version, stream, StopWords);
            if (extraStopWords is not null)
                stream = new StopFilter(Version, stream, extraStopWords);
            stream = new PorterStemFilter(stream);
            if (synonyms is not null && synonyms.Fst is not null)
                stream = new SynonymFilter(stream, synonyms, ignoreCase: false);
            return new TokenStreamComponents(source, stream);
        }
    }

    /// <summary>
    /// Writes curly and full-width apostrophes as straight ones, so "isn’t" and "isn't" are one
    /// term (the possessive filter already handles all three before this runs).
    /// </summary>
    private sealed class ApostropheFolder : TokenFilter
    {
        private readonly ICharTermAttribute _term;

        public ApostropheFolder(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
                return false;
            var buffer = _term.Buffer;
            for (var i = 0; i < _term.Length; i++)
            {
                if (buffer[i] is '\u2019' or '\u2018' or '\uFF07')
                    buffer[i] = '\'';
            }

            return true;
        }
    }
}
