import EloCore
import EloIndex
import EloReports
import EloSettings
import Foundation

/// What coverage is computed from, as the reports want it: per region of the catalog, the current documents
/// with their labelled passages and the documents as they were before the region's latest new versions.
public struct CoverageIndexReader: Sendable {
    let index: IndexReader

    /// Opens the index read-only; a missing file or one that is not an elo index is said as such.
    public init(indexFile: URL) throws(PipelineFailure) {
        do { index = try IndexReader(indexFile: indexFile) } catch { throw PipelineFailure(error.description) }
    }

    /// Every region of `catalog` (those without documents too, which then cannot be assessed), then any other
    /// region found in the index except `unassigned`, in catalog order then by id.
    public func regions(catalog: [(id: String, name: String)]) throws(PipelineFailure) -> [RegionDocuments] {
        let found: [RegionVersions]
        do { found = try index.coverageDocuments() } catch { throw PipelineFailure(error.description) }
        let byRegion = Dictionary(found.map { ($0.region, $0) }, uniquingKeysWith: { first, _ in first })
        var result = catalog.map { entry in
            RegionDocuments(
                region: entry.id, name: entry.name, current: byRegion[entry.id]?.current ?? [],
                previous: byRegion[entry.id]?.previous ?? [])
        }
        let known = Set(catalog.map(\.id))
        for region in found where !known.contains(region.region) && region.region != RegionCatalog.unassigned {
            result.append(
                RegionDocuments(
                    region: region.region, name: region.region, current: region.current, previous: region.previous ?? []
                ))
        }
        return result
    }

    /// Every current document (not withdrawn, not unassigned) with all its passages and labels, by region.
    public func currentDocuments() throws(PipelineFailure) -> [(region: String, document: Document)] {
        do { return try index.currentDocuments() } catch { throw PipelineFailure(error.description) }
    }
}
