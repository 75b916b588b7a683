using System.Diagnostics;
using System.Globalization;
using Market.Bench;
using Market.Core.Media;
using Market.PhotoBench;

PhotoBenchOptions options;
try
{
    options = PhotoBenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(PhotoBenchOptions.Usage);
    return 2;
}

const string passed = "every photo made into all four renditions";
MachineInfo.PrintStart(Console.Out, "Mercado Cercano photo pipeline benchmark");
var photo = options.Photo is null ? PhonePhoto.Make() : await File.ReadAllBytesAsync(options.Photo);
var folder = Directory.CreateTempSubdirectory("market-photobench-");
try
{
    using var pipeline = new PhotoPipeline(new FileSystemBlobStore(folder.FullName));
    for (var i = 0; i < options.Warmup; i++)
    {
        await ProcessOne(pipeline, photo);
    }
    GC.Collect();
    var peakIsPerPhase = PeakMemory.Reset();
    var before = PeakMemory.CurrentBytes();

    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var times = new List<double>();
    PhotoRenditions? renditions = null;
    for (var i = 0; i < options.Runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        renditions = await ProcessOne(pipeline, photo);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    var managedPerPhoto = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / options.Runs;
    var sequentialPeak = PeakMemory.Bytes();

    GC.Collect();
    PeakMemory.Reset();
    var remaining = options.ParallelPhotos;
    var parallelStarted = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
    {
        while (Interlocked.Decrement(ref remaining) >= 0)
        {
            await ProcessOne(pipeline, photo);
        }
    })));
    var parallelSeconds = Stopwatch.GetElapsedTime(parallelStarted).TotalSeconds;
    var parallelPeak = PeakMemory.Bytes();

    var demoTimes = new List<double>();
    for (var seed = 0; seed < 10; seed++)
    {
        var started = Stopwatch.GetTimestamp();
        await pipeline.CreateDemoAsync($"Producto de prueba {seed}", "frutas y verduras");
        demoTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    times.Sort();
    demoTimes.Sort();
    var sizes = renditions!.Names.Select(n => $"{n[33..]} {new FileInfo(Path.Combine(folder.FullName, n)).Length / 1024} KB");
    var mb = (long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);
    var ms = (double value) => value.ToString("0", CultureInfo.InvariantCulture);
    Console.WriteLine(FormattableString.Invariant($"""
          library   SkiaSharp {typeof(SkiaSharp.SKCodec).Assembly.GetName().Version}
          photo     {(options.Photo ?? "4032 × 3024 phone-like JPEG made in code, EXIF orientation 6")}, {photo.Length / 1024} KB
          output    {renditions.ThumbWidth}×{renditions.ThumbHeight} and {renditions.LargeWidth}×{renditions.LargeHeight}, WebP + JPEG: {string.Join(", ", sizes)}

        One photo at a time ({options.Runs} photos after {options.Warmup} warm-up):
          time per photo     median {ms(times[times.Count / 2])} ms, min {ms(times[0])} ms, max {ms(times[^1])} ms
          peak memory        {mb(sequentialPeak)} MB resident{(peakIsPerPhase ? $" (process at {mb(before)} MB before the phase)" : " (since process start: /proc/self/clear_refs is not writable)")}
          managed allocated  {mb(managedPerPhoto)} MB per photo (most pixels live in native Skia memory)

        {options.Workers} workers at once ({options.ParallelPhotos} photos):
          throughput         {options.ParallelPhotos / parallelSeconds:0.00} photos/s ({ms(parallelSeconds * 1000 / options.ParallelPhotos)} ms of wall time per photo)
          peak memory        {mb(parallelPeak)} MB resident

        Demo photo (a 1200 × 900 illustration drawn with Skia, rendered and stored by the same pipeline): median {ms(demoTimes[demoTimes.Count / 2])} ms

        """));
    return MachineInfo.PrintEnd(Console.Out, [], passed);
}
catch (InvalidOperationException e)
{
    return MachineInfo.PrintEnd(Console.Out, [e.Message], passed);
}
finally
{
    folder.Delete(recursive: true);
}

static async Task<PhotoRenditions> ProcessOne(PhotoPipeline pipeline, byte[] photo)
{
    var result = await pipeline.ProcessAsync(new MemoryStream(photo, writable: false));
    return result.Photo ?? throw new InvalidOperationException($"The photo was refused: {result.RefusalKey}.");
}
