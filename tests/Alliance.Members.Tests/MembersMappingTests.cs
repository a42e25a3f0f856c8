using Alliance.Members;
using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alliance.Members.Tests;

/// <summary>Every AutoMapper map of the Members module maps every member (ProjectTo would fail at run time otherwise).</summary>
public sealed class MembersMappingTests
{
    [Fact]
    public void The_mapping_configuration_is_valid()
    {
        var configuration = new MapperConfiguration(cfg => cfg.AddMaps(typeof(MembersModule).Assembly), NullLoggerFactory.Instance);
        configuration.AssertConfigurationIsValid();
    }
}
