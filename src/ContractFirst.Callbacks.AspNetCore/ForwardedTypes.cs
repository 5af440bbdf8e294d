using System.Runtime.CompilerServices;
using ContractFirst.Callbacks;

// The URL minting moved to ContractFirst.Runtime (same namespace), so SDKs can mint callback URLs without ASP.NET Core;
// code compiled against this package's earlier versions still finds the types here.
[assembly: TypeForwardedTo(typeof(CallbackSecret))]
[assembly: TypeForwardedTo(typeof(CallbackUrls))]
