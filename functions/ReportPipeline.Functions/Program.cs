using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ReportPipeline.Core;
using ReportPipeline.Functions;
using ReportPipeline.Functions.Telemetry;
using ReportPipeline.Infrastructure;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddReportPipelineCore().AddReportPipelineInfrastructure().AddReportPipelineFunctions();
builder.AddReportPipelineTelemetry();
builder.Build().Run();
