// Package hibp implements the client side of the Have I Been Pwned
// "Pwned Passwords" range API, which checks a password against known
// breaches with k-anonymity: only the first five hexadecimal characters of
// the password's SHA-1 ever leave the process.
//
// The package has three layers, each usable alone:
//
//   - [Hash] splits the SHA-1 of a password into the 5-character prefix that
//     is sent and the 35-character suffix that is kept.
//   - [FindSuffix] and [ReadRange] parse a range response body
//     (lines "SUFFIX:COUNT") strictly, with a size limit, treating lines with
//     a count of 0 as padding.
//   - [Client] performs the request (GET {endpoint}/{prefix} with the header
//     "Add-Padding: true"), with a time-out and a bounded per-prefix cache.
//
// [Checker] is what a server needs of either a Client or a local store of
// the whole corpus (package pwned, which asks nothing of the network).
//
// See https://haveibeenpwned.com/API/v3#PwnedPasswords for the API.
package hibp
