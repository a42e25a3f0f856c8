namespace Alliance.Members.Tests;

/// <summary>This project's classes marked <c>[Collection(SharedAlliance.Collection)]</c> share one host (see <see cref="SharedAlliance"/>).</summary>
[CollectionDefinition(SharedAlliance.Collection)]
public sealed class SharedAllianceCollection : ICollectionFixture<AllianceApp>;
