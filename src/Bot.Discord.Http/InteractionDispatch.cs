using Bot.Discord.Interactions;

namespace Bot.Discord.Http;

/// <summary>
/// How the endpoint hands an interaction on: <c>InteractionDispatcher.DispatchAsync</c> in the bot. A
/// delegate so tests can stand in a dispatcher that misbehaves (never answers, throws).
/// </summary>
internal delegate Task InteractionDispatch(IncomingInteraction incoming, IInitialResponder responder, CancellationToken cancellationToken);
