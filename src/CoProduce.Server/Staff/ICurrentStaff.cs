using CoProduce.Core.Staff;

namespace CoProduce.Server.Staff;

// Placeholder for the contract's ICurrentStaff (branch `staff`), so that workshops compiles before
// that part lands; when it does, this file is deleted and the staff branch's definition is used.
public interface ICurrentStaff
{
    StaffActor? Actor { get; }
}

/// <summary>Until staff sign-in exists: nobody is signed in.</summary>
internal sealed class NoStaffSignedIn : ICurrentStaff
{
    public StaffActor? Actor => null;
}
