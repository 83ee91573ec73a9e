namespace Bot.Discord.Tests.Gateway;

/// <summary>A <see cref="Random"/> whose <see cref="NextDouble"/> is always <paramref name="value"/>: pins heartbeat and back-off jitter.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;

    protected override double Sample() => value;
}
