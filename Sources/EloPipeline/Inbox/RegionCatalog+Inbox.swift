import EloSettings

extension RegionCatalog {
    /// The region a file's folder (`inbox/<region-id>/`) or sidecar (`region:`) declares, with its source
    /// (`folder`, `sidecar`); nil when neither names a known region.
    public func declaredRegion(of file: InboxFile) -> (region: String, source: String)? {
        if let folder = file.folderRegion { return (folder, "folder") }
        if let declared = file.sidecar?.region, region(id: declared) != nil || regions.isEmpty {
            return (declared, "sidecar")
        }
        return nil
    }
}
