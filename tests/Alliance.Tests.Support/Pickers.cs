using Microsoft.Playwright;

namespace Alliance.Tests.Support;

/// <summary>Uses a SearchPicker the way a person does with JavaScript: type part of the name, choose the match.</summary>
public static class Pickers
{
    /// <summary>Types <paramref name="search"/> into the picker with id <paramref name="id"/> and chooses the match named <paramref name="name"/>.</summary>
    public static async Task ChooseAsync(IPage page, string id, string search, string name)
    {
        await page.FillAsync($"#{id}-search", search);
        await page.Locator($"#{id}-list [role=option]").Filter(new() { HasText = name }).First.ClickAsync();
    }
}
