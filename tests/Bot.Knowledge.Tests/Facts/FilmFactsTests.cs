using Bot.Knowledge.Facts;

namespace Bot.Knowledge.Tests.Facts;

/// <summary>Which sentences state the film's running time or where it can be watched (<see cref="FilmRuntime"/>, <see cref="WhereToWatch"/>).</summary>
public class FilmFactsTests
{
    [Theory]
    [InlineData("You gotta check out this documentary, now on Amazon Prime and Apple TV.", true)]
    [InlineData("The film is available on Netflix in most countries.", true)]
    [InlineData("It screens at the Curzon cinema next week.", true)]
    [InlineData("But for us watching the new documentary, it is mind-blowing.", false)]
    [InlineData("They crossed the river at night on foot.", false)]
    [InlineData("Now on to the next part of the story.", false)]
    public void Where_to_watch_takes_only_a_sentence_about_seeing_the_film_somewhere_named(string sentence, bool says)
    {
        Assert.Equal(says, WhereToWatch.Says(sentence));
    }

    [Theory]
    [InlineData("Beyond Utopia has a running time of 115 minutes.", 115)]
    [InlineData("The film runs 1 h 55 min.", 115)]
    [InlineData("It is 2 hours and 5 minutes long.", 125)]
    [InlineData("The documentary is a 96-minute film in length.", 96)]
    [InlineData("He has helped more than 1,000 defectors over the last 24 years.", null)]
    [InlineData("The crew waited 40 minutes at the border.", null)]
    [InlineData("The runtime is 9 minutes.", null)]
    public void Film_runtime_is_read_only_from_a_sentence_about_the_running_time(string sentence, int? minutes)
    {
        Assert.Equal(minutes is { } m ? TimeSpan.FromMinutes(m) : null, FilmRuntime.Read(sentence));
    }
}
