using MedTour.Cms.Display;

namespace MedTour.Cms.Tests.Parts;

/// <summary>The Cyrillic schemes letter by letter, on the examples the official tables give.</summary>
public sealed class TransliterationTests
{
    // Examples printed in the Cabinet of Ministers' resolution No. 55 of 27 January 2010.
    [Theory]
    [InlineData("Алушта", "Alushta")]
    [InlineData("Борщагівка", "Borshchahivka")]
    [InlineData("Вінниця", "Vinnytsia")]
    [InlineData("Гадяч", "Hadiach")]
    [InlineData("Згорани", "Zghorany")]
    [InlineData("Розгон", "Rozghon")]
    [InlineData("Ґорґани", "Gorgany")]
    [InlineData("Єнакієве", "Yenakiieve")]
    [InlineData("Наєнко", "Naienko")]
    [InlineData("Житомир", "Zhytomyr")]
    [InlineData("Іршава", "Irshava")]
    [InlineData("Їжакевич", "Yizhakevych")]
    [InlineData("Кадиївка", "Kadyivka")]
    [InlineData("Йосипівка", "Yosypivka")]
    [InlineData("Стрий", "Stryi")]
    [InlineData("Олексій", "Oleksii")]
    [InlineData("Харків", "Kharkiv")]
    [InlineData("Біла Церква", "Bila Tserkva")]
    [InlineData("Щербухи", "Shcherbukhy")]
    [InlineData("Юрій", "Yurii")]
    [InlineData("Корюківка", "Koriukivka")]
    [InlineData("Яготин", "Yahotyn")]
    [InlineData("Костянтин", "Kostiantyn")]
    [InlineData("Знам'янка", "Znamianka")]
    [InlineData("Феодосія", "Feodosiia")]
    [InlineData("Рівне", "Rivne")]
    public void Ukrainian_follows_the_2010_table(string cyrillic, string latin) => Assert.Equal(latin, Transliteration.ToLatin(cyrillic, "uk"));

    [Theory]
    [InlineData("Щукин", "Shchukin")]
    [InlineData("Юлия", "Iuliia")]
    [InlineData("Объект", "Obieekt")]
    [InlineData("Ёлкин", "Elkin")]
    [InlineData("Эдуард Крылов", "Eduard Krylov")]
    [InlineData("Гаврилов", "Gavrilov")]
    public void Russian_follows_icao_9303(string cyrillic, string latin) => Assert.Equal(latin, Transliteration.ToLatin(cyrillic, "ru"));

    [Theory]
    [InlineData("Метастази в печінці", "uk", "metastazy-v-pechintsi")]
    [InlineData("Метастазы в печени", "ru", "metastazy-v-pecheni")]
    [InlineData("Лікування раку: що варто знати?", null, "likuvannia-raku-shcho-varto-znaty")]
    [InlineData("Химиотерапия и иммунотерапия", null, "khimioterapiia-i-immunoterapiia")]
    [InlineData("Zürich Klinik", "de", "zurich-klinik")]
    public void Slugs_spell_cyrillic_in_latin_by_culture_or_by_the_letters(string title, string? culture, string slug) =>
        Assert.Equal(slug, Slug.From(title, culture));
}
