namespace Alliance.Labs.Contracts;

// Labs publishes no events of its own at present: membership and status changes had no subscriber, and an event
// nobody handles only keeps data in the outbox (architecture test EventContractTests). Add one with a subscriber.
