using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MedTour.Cms.BrowserTests.Infrastructure;

/// <summary>
/// The built MedTour.Cms.Web.dll as a child process: real Kestrel on a free loopback port, SQLite in a temporary
/// App_Data folder, set up from the real recipes on first start. Start fails (never skips) with the reason and
/// the end of the host's output when the host cannot start or does not become ready.
/// </summary>
public sealed class WebAppServer : IAsyncDisposable
{
    public const string AdminPassword = "Browser-tests-admin-password-2024-long!";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private const int OutputLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly string _appData;

    private WebAppServer(Process process, string appData, Uri baseAddress)
    {
        _process = process;
        _appData = appData;
        BaseAddress = baseAddress;
    }

    /// <summary>The host's data folder, for the CLI run beside it (<see cref="RunCliAsync"/>).</summary>
    public string AppData => _appData;

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    /// <summary>The last lines the host wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static async Task<WebAppServer> StartAsync()
    {
        var dll = RepoPaths.WebAppDll();
        Exception? last = null;
        // A port found free can be taken before Kestrel binds it; a few tries with a fresh port cover that race.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var server = Launch(dll, FreeLoopbackPort());
            try
            {
                await server.WaitUntilReadyAsync();
                return server;
            }
            catch (InvalidOperationException e) when (attempt < 3 && server._process.HasExited && server.RecentOutput.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                last = e;
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        throw last!;
    }

    private static WebAppServer Launch(string dll, int port)
    {
        var appData = Directory.CreateTempSubdirectory("medtour-browser-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     dll, "--urls", baseAddress.GetLeftPart(UriPartial.Authority),
                     "--MedTour:AppDataPath=" + appData,
                     "--MedTour:Admin:Password=" + AdminPassword,
                     "--MedTour:Database:Provider=Sqlite",
                     "--MedTour:AutoSetup=true",
                     // Every browser test signs in from 127.0.0.1: the per-address and per-name limits (10 and 20 per
                     // 5 minutes) would lock the suite out of its own site. The limits have their own integration tests.
                     "--MedTour:SignIn:PerAddress=100000",
                     "--MedTour:SignIn:PerUserName=100000",
                     // The same for form posts (the limit has its integration test); a patient fills a form in under 3 s here.
                     "--MedTour:Forms:PostsPerAddress=100000",
                     "--MedTour:Forms:MinimumTimeToSubmit=00:00:01",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        // The developer's or CI's own settings for the host (a Postgres provider, another App_Data, URLs) must not leak in.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MedTour__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
                key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new WebAppServer(process, appData, baseAddress);
        process.OutputDataReceived += (_, e) => server.Record(e.Data);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Could not start `{start.FileName} {dll}`: {e.Message}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // If the test host dies without disposing the fixture, do not leave the web host running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Kill();
        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        var lastStatus = "no answer";
        while (watch.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                // The parameterless overload also waits for the redirected output to be read to its end.
                _process.WaitForExit();
                throw new InvalidOperationException(
                    $"The MedTour host (`{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList.Take(3))}`) exited with code {_process.ExitCode} before it was ready. Its output:\n{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastStatus = $"{(int)response.StatusCode} {response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastStatus = e.Message;
            }
            catch (TaskCanceledException)
            {
                lastStatus = "timed out";
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException(
            $"The MedTour host on {BaseAddress} was not ready within {ReadyTimeout.TotalSeconds:0} s (GET /health/ready: {lastStatus}). Its output:\n{RecentOutput}");
    }

    /// <summary>
    /// Runs the CLI of the same build on this host's data (as an operator would beside a running site) and returns its
    /// output; a non-zero exit fails with the output.
    /// </summary>
    public async Task<string> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.WebAppDll())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoPaths.WebAppDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--MedTour:AppDataPath=" + _appData);
        start.ArgumentList.Add("--MedTour:Database:Provider=Sqlite");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MedTour__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"`{string.Join(' ', args)}` exited with {process.ExitCode}: {text}");
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        if (!_process.HasExited)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Kill was sent; nothing more to do.
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_appData, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is left behind.
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Not started or already gone.
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLines)
            {
                _output.Dequeue();
            }

            // test.sh keeps the whole log of the run and searches it for the values the browser tests submit.
            if (Environment.GetEnvironmentVariable("MEDTOUR_BROWSER_HOST_LOG") is { Length: > 0 } log)
            {
                File.AppendAllText(log, line + Environment.NewLine);
            }
        }
    }

    /// <summary>The dotnet host that runs these tests (so the same SDK/runtime), else `dotnet` from PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public override string ToString() => $"MedTour host at {BaseAddress}";
}
