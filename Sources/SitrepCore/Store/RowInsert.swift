import GRDB
import GRDBSQLite

/// A cached statement run with SQLite's own calls, each value bound through GRDB's
/// `StatementBinding`, so exactly as GRDB binds it. Indexing runs one for every article,
/// entity, quotation and date it writes, fifty-odd an article; building GRDB's argument arrays
/// and running its execution hooks for each cost a third as much as SQLite's own work.
///
/// Only for plain writes inside a transaction GRDB manages (no observers watch the index).
struct RowInsert {
    private let statement: Statement
    private let db: Database

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        self.db = db
    }

    /// Binds `values` to the parameters in order, runs the statement once and resets it.
    func run<each Value: StatementBinding>(_ values: repeat each Value) throws {
        let handle = statement.sqliteStatement
        var index: CInt = 0
        var code = SQLITE_OK
        for value in repeat each values {
            index += 1
            let bound = value.bind(to: handle, at: index)
            if code == SQLITE_OK { code = bound }
        }
        precondition(index == sqlite3_bind_parameter_count(handle), "\(statement.sql) takes \(sqlite3_bind_parameter_count(handle)) values, not \(index)")
        if code == SQLITE_OK { code = sqlite3_step(handle) }
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
