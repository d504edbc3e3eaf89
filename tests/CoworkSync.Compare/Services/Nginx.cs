using System.Text;
using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Services;

/// <summary>
/// The zero-work ceiling: nginx answering rlm_rest with a fixed, valid reply (<c>return 200</c> with the
/// <c>control:Cleartext-Password</c> FreeRADIUS compares), accounting with 204. No access log.
/// </summary>
public sealed class Nginx(Started process, int port)
{
    public Started Process { get; } = process;

    public string Url => $"http://127.0.0.1:{port}";

    public static async Task<Nginx> StartAsync(string folder, string password)
    {
        var port = Ports.FreeTcp();
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        var reply = Encoding.UTF8.GetString(Ceilings.FixedReply(password));
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes auto;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/logs/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                keepalive_requests 1000000;
                server {
                    listen 127.0.0.1:{{port}};
                    location = /api/radius/authorize { default_type application/json; return 200 '{{reply}}'; }
                    location = /api/radius/accounting { return 204; }
                    location = /api/health { return 200 'ok'; }
                }
            }
            """);
        var process = Started.Start("nginx", "/usr/sbin/nginx", ["-p", folder, "-c", config, "-g", "daemon off;"], Path.Combine(folder, "nginx.log"));
        await Readiness.WaitForHttpAsync(process, $"http://127.0.0.1:{port}/api/health", TimeSpan.FromSeconds(30));
        return new Nginx(process, port);
    }
}
