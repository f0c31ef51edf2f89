using System.Text;
using Fluid;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.MediaAdmin;
using MedTour.Cms.Modules.MediaAdmin.Storage;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tests.MediaAdmin;

/// <summary>The library's rules that need no host: safe names, types by magic numbers, SVG cleaning, the srcset filter.</summary>
public sealed class MediaStorageTests
{
    [Theory]
    [InlineData("Hero Photo.JPG", "Hero-Photo.jpg")]
    [InlineData("plan\u0007\u0000.png", "plan.png")]
    [InlineData("Фото клініки.jpg", "file.jpg")]
    [InlineData("...hidden.png", "hidden.png")]
    [InlineData("a..b.png", "a.b.png")]
    [InlineData("x.tar.gz", "x.tar.gz")]
    public void File_names_are_made_safe(string name, string safe) => Assert.Equal(safe, MediaNames.SafeFileName(name));

    [Theory]
    [InlineData("../x.png")]
    [InlineData("..\\x.png")]
    [InlineData("a/x.png")]
    [InlineData("C:x.png")]
    [InlineData("..")]
    public void A_name_with_a_path_is_a_traversal(string name) => Assert.True(MediaNames.IsTraversal(name));

    [Theory]
    [InlineData("", "")]
    [InlineData("a/b", "a/b")]
    [InlineData("a/../b", null)]
    [InlineData("a b", null)]
    [InlineData("/a//b/", "a/b")]
    public void Folder_paths_are_taken_only_when_every_segment_is_safe(string folder, string? expected) => Assert.Equal(expected, MediaNames.Folder(folder));

    [Fact]
    public void Types_are_told_by_their_bytes()
    {
        Assert.Equal(MediaKind.Jpeg, MediaSniffer.Detect(MediaSamples.Jpeg(8, 8)));
        Assert.Equal(MediaKind.Png, MediaSniffer.Detect(MediaSamples.Png(8, 8)));
        Assert.Equal(MediaKind.Pdf, MediaSniffer.Detect(MediaSamples.Pdf));
        Assert.Equal(MediaKind.Svg, MediaSniffer.Detect(MediaSamples.HostileSvg));
        Assert.Equal(MediaKind.Gif, MediaSniffer.Detect("GIF89a...."u8));
        Assert.Equal(MediaKind.WebP, MediaSniffer.Detect("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Null(MediaSniffer.Detect("<html><body>"u8));
        Assert.Null(MediaSniffer.Detect("MZ\x90\0"u8));
    }

    [Fact]
    public void Svg_that_is_not_a_document_or_not_svg_is_refused_and_entities_are_not_expanded()
    {
        Assert.Null(SvgSanitizer.Sanitize("<svg><unclosed></svg>"u8.ToArray()));
        Assert.Null(SvgSanitizer.Sanitize("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>"u8.ToArray()));
        var entity = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>""");
        var clean = SvgSanitizer.Sanitize(entity);
        Assert.True(clean is null || !Encoding.UTF8.GetString(clean).Contains("root:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_srcset_filter_lists_the_configured_widths_up_to_its_argument_and_nothing_for_svg()
    {
        var options = new TemplateOptions();
        new MediaLiquidFilters(Options.Create(new MediaOptions { Sizes = [64, 320, 640, 960, 1920] })).Register(options);
        var parser = new FluidParser();
        var template = parser.Parse("<img {{ p | media_srcset: 960, '50vw' }}>|{{ s | media_srcset }}|{{ p | resize_url: width: 320, height: 180, mode: 'crop' }}");
        var context = new TemplateContext(options);
        context.SetValue("p", "clinics/a b.jpg");
        context.SetValue("s", "logo.svg");
        context.AmbientValues[PageRenderer.PathBaseKey] = "/ua";
        var html = await template.RenderAsync(context, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Equal("<img srcset=\"/ua/media/clinics/a b.jpg?width=320 320w, /ua/media/clinics/a b.jpg?width=640 640w, /ua/media/clinics/a b.jpg?width=960 960w\" sizes=\"50vw\">||/ua/media/clinics/a b.jpg?width=320&amp;height=180&amp;mode=crop", html);
    }
}
