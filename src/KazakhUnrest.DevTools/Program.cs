using System.CommandLine;
using KazakhUnrest.DevTools;

var root = new RootCommand("KazakhUnrest development tools: nothing here is part of the product.")
{
    GenerateCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
