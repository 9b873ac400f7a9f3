using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ReportPipeline.Functions;

FunctionsApplication.CreateBuilder(args).AddReportPipelineWorker().Build().Run();
