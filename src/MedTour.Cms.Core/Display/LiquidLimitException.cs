namespace MedTour.Cms.Display;

/// <summary>A render went past a limit of <see cref="LiquidOptions"/> (or named a view or asset outside its theme).</summary>
public sealed class LiquidLimitException(string message) : Exception(message);
